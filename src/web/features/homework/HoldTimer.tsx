import { useEffect, useRef, useState } from 'react';
import { Button } from '../../design/components/index.js';

const clock = (ms: number) => {
  const s = Math.ceil(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/**
 * A hold timer for the room. The big digits are not a live region: a screen reader hears only
 * the start, the halfway point and the end, never each second.
 */
export function HoldTimer({ seconds, perSide }: { seconds: number; perSide: boolean }) {
  const total = seconds * 1000;
  const [left, setLeft] = useState(total);
  const [running, setRunning] = useState(false);
  const [said, setSaid] = useState('');
  const endsAt = useRef(0);
  const halfwaySaid = useRef(false);

  useEffect(() => {
    if (!running) return;
    const tick = setInterval(() => {
      const remaining = Math.max(0, endsAt.current - Date.now());
      setLeft(remaining);
      if (!halfwaySaid.current && remaining <= total / 2 && remaining > 0) {
        halfwaySaid.current = true;
        setSaid('Halfway.');
      }
      if (remaining === 0) {
        setRunning(false);
        setSaid(perSide ? 'Done. Release, then the other side.' : 'Done. Release slowly.');
      }
    }, 200);
    return () => clearInterval(tick);
  }, [running, total, perSide]);

  function start() {
    const from = left === 0 ? total : left;
    if (from === total) halfwaySaid.current = false;
    endsAt.current = Date.now() + from;
    setLeft(from);
    setRunning(true);
    setSaid(from === total ? `Hold started: ${seconds} seconds.` : `Hold started again: ${Math.ceil(from / 1000)} seconds left.`);
  }

  function reset() {
    setRunning(false);
    setLeft(total);
    halfwaySaid.current = false;
  }

  const done = left === 0;
  return (
    <section className="hold-timer" aria-labelledby="hold-timer-title">
      <h2 id="hold-timer-title" className="hold-timer__title">
        Hold {seconds} seconds{perSide ? ' on each side' : ''}
      </h2>
      <p className={done ? 'hold-timer__digits hold-timer__digits--done' : 'hold-timer__digits'} role="timer">
        <span className="visually-hidden">Time left: </span>
        {clock(left)}
      </p>
      <div className="cluster">
        {running ? (
          <Button variant="secondary" className="hold-timer__button" onClick={() => setRunning(false)}>
            Pause
          </Button>
        ) : (
          <Button className="hold-timer__button" onClick={start}>
            {left === total || done ? 'Start the hold' : 'Carry on'}
          </Button>
        )}
        <Button variant="ghost" className="hold-timer__button" onClick={reset} disabled={left === total && !running}>
          Reset
        </Button>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {said}
      </p>
    </section>
  );
}
