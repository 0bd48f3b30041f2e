/**
 * Whether an element is on (or near) the screen, from one IntersectionObserver shared by every
 * caller: countdowns off screen stop listening to the clock, so hundreds of cards cost nothing
 * per second beyond the ones in view.
 */
import { useEffect, useState, type RefObject } from 'react';

const callbacks = new WeakMap<Element, (visible: boolean) => void>();
let observer: IntersectionObserver | undefined;

function shared(): IntersectionObserver {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) callbacks.get(entry.target)?.(entry.isIntersecting);
    },
    { rootMargin: '200px 0px' },
  );
  return observer;
}

export function useOnScreen(ref: RefObject<Element | null>): boolean {
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    callbacks.set(element, setVisible);
    shared().observe(element);
    return () => {
      shared().unobserve(element);
      callbacks.delete(element);
    };
  }, [ref]);
  return visible;
}
