// The default file name of an exported preview: the document's name with `.svg` for its last extension.

/** `checkout.model.yaml` → `checkout.model.svg`; `Untitled-1` → `Untitled-1.svg`; '' → `preview.svg`. */
export function svgExportName(documentName: string): string {
  const name = documentName.trim();
  if (name === '') return 'preview.svg';
  const dot = name.lastIndexOf('.');
  // A leading dot is a hidden file's name, not an extension.
  const stem = dot > 0 ? name.slice(0, dot) : name;
  return `${stem}.svg`;
}
