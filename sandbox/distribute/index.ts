/** The eSIM Distribute simulator: the class, its factory and the record types tests read. */
export * from './simulator';
