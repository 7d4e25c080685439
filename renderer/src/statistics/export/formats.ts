export type ExportFormat = 'csv' | 'xlsx' | 'docx';

export const exportFormats: readonly { format: ExportFormat; label: string; button: string }[] = [
  { format: 'csv', label: 'CSV', button: 'CSV' },
  { format: 'xlsx', label: 'Excel ブック', button: 'Excel' },
  { format: 'docx', label: 'Word 文書', button: 'Word' },
];

export function formatLabel(format: ExportFormat): string {
  return exportFormats.find((f) => f.format === format)?.label ?? format;
}
