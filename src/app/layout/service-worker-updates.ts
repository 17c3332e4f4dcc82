// What the app loads when it registers the service worker (./update-prompt.tsx): the
// registration, and the dialog it shows when a new version waits. One chunk, after the
// first view: only readers with saved stories load it.
export { registerSW } from 'virtual:pwa-register';
export { UpdatePromptDialog } from './update-prompt-dialog.tsx';
