import { useEffect, useState } from 'react';

/** The width below which the app lays out for a phone (the same as the CSS's 46rem). */
const PHONE = '(max-width: 46rem)';

/** True on a phone-sized screen, kept up to date when the screen turns or the window changes. */
export function usePhone(): boolean {
  const [phone, setPhone] = useState(() => typeof window !== 'undefined' && window.matchMedia(PHONE).matches);
  useEffect(() => {
    const query = window.matchMedia(PHONE);
    const update = () => setPhone(query.matches);
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return phone;
}
