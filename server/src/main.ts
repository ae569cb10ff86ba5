// Entry point of dist/server.js: `node dist/server.js --stdio` (or --node-ipc, --socket=<port>, --pipe=<name>).
import { startServer } from './server';

startServer();
