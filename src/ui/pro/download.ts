// Saving a file the professional asked for: the only way anything leaves the device. A Blob URL
// and a link with `download`: no request, nothing the Content-Security-Policy must allow.

export interface DownloadFile {
  name: string;
  text: string;
  type: 'text/csv' | 'application/json';
}

export type Download = (file: DownloadFile) => void;

export const downloadFile: Download = ({ name, text, type }) => {
  // A byte-order mark tells spreadsheet software the CSV is UTF-8 (accents, Arabic, Ukrainian).
  downloadBlob(name, new Blob([type === 'text/csv' ? `\uFEFF${text}` : text], { type: `${type};charset=utf-8` }));
};

export type DownloadBlob = (name: string, blob: Blob) => void;

/** Saves a file that is already a Blob (a recorded voice), the same way. */
export const downloadBlob: DownloadBlob = (name, blob) => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
};

/** Today's local date, "YYYY-MM-DD", for file names and the observatory. */
export function today(date = new Date()): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** The local calendar date of an ISO timestamp. */
export function localDay(iso: string): string {
  return today(new Date(iso));
}
