export { dispatchCommand, useCommand, commandForKey, isCommand, deferCommand, takeDeferredCommand, type Command } from './commands';
export { useDebounced } from './useDebounced';
