import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

export interface NoticeState {
  notice?: string;
}

/**
 * A one-time message handed over by the page that sent us here ("Session saved."). It is
 * taken out of the history entry, so reloading or going back does not show it again.
 */
export function useNotice(): [string | null, (notice: string | null) => void] {
  const location = useLocation();
  const navigate = useNavigate();
  const handed = (location.state as NoticeState | null)?.notice ?? null;
  const [notice, setNotice] = useState<string | null>(handed);

  useEffect(() => {
    if (!handed) return;
    setNotice(handed);
    navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
  }, [handed, location.pathname, location.search, navigate]);

  return [notice, setNotice];
}
