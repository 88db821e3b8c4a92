// Signals the content script observes on its own (METHOD.md "Signals"), pure parts.
export * from './clicks.ts';
export * from './navigation.ts';
