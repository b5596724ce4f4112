import { useEffect } from 'react';

/** Sets the browser tab's title, e.g. "Clients · Carryover". */
export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · Carryover` : 'Carryover';
  }, [title]);
}
