// Vite asset imports used by the renderer (the worker of pdfjs is served as a same-origin file).
declare module '*?url' {
  const url: string;
  export default url;
}
