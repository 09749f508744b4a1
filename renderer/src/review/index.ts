export { ReviewScreen } from './ReviewScreen';
export { preloadPdfjs } from './pdf';
