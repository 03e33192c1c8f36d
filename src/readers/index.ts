/** Readers: minutes files and pasted text → the core document model. */
export { readMarkdown } from './markdown/read';
export { readHtml } from './html';
export { readDocx } from './docx';
export { readMinutesFile } from './file';
export { decodeText } from './decode';
