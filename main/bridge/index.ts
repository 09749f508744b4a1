export { startBridge, type Bridge, type BridgeOptions } from './server.js';
