// `node --require` this into an n8n process to make os.hostname() answer N8N_ESIM_HOSTNAME (see hostname.mjs).
const os = require('node:os');

const name = process.env.N8N_ESIM_HOSTNAME;
if (name) os.hostname = () => name;
