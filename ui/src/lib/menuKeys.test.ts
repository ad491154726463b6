import { afterEach, describe, expect, it } from 'vitest';
import { moveMenuFocus } from './menuKeys';

function entries(n: number): HTMLElement[] {
  return Array.from({ length: n }, (_, i) => {
    const button = document.createElement('button');
    button.textContent = `entry ${i}`;
    document.body.append(button);
    return button;
  });
}

const key = (k: string) => new KeyboardEvent('keydown', { key: k, cancelable: true });

describe('moveMenuFocus', () => {
  afterEach(() => document.body.replaceChildren());

  it('moves down and up with wrapping, and to the ends', () => {
    const list = entries(3);
    list[0].focus();
    const down = key('ArrowDown');
    expect(moveMenuFocus(down, list)).toBe(true);
    expect(down.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(list[1]);
    moveMenuFocus(key('ArrowDown'), list);
    moveMenuFocus(key('ArrowDown'), list);
    expect(document.activeElement).toBe(list[0]);
    moveMenuFocus(key('ArrowUp'), list);
    expect(document.activeElement).toBe(list[2]);
    moveMenuFocus(key('Home'), list);
    expect(document.activeElement).toBe(list[0]);
    moveMenuFocus(key('End'), list);
    expect(document.activeElement).toBe(list[2]);
  });

  it('from outside the list, down goes to the first entry and up to the last', () => {
    const list = entries(4);
    moveMenuFocus(key('ArrowDown'), list);
    expect(document.activeElement).toBe(list[0]);
    document.body.focus();
    (document.activeElement as HTMLElement | null)?.blur();
    moveMenuFocus(key('ArrowUp'), list);
    expect(document.activeElement).toBe(list[3]);
  });

  it('leaves other keys and empty menus alone', () => {
    const list = entries(2);
    list[1].focus();
    const letter = key('a');
    expect(moveMenuFocus(letter, list)).toBe(false);
    expect(letter.defaultPrevented).toBe(false);
    expect(document.activeElement).toBe(list[1]);
    expect(moveMenuFocus(key('ArrowDown'), [])).toBe(false);
  });
});
