// Issue 18, item 6: opening a link is decided in the main process, with one
// native dialog showing the full URL. The plain module runs here with a
// confirm function standing in for the dialog's answer.
import { describe, expect, it } from 'vitest';
import { createLinkOpener, linkDialogText } from '../../main/electron/openLink';

function opener(answer: (url: string) => Promise<boolean> | boolean) {
  const asked: string[] = [];
  const opened: string[] = [];
  const logged: string[] = [];
  const open = createLinkOpener({
    confirm: async (url) => {
      asked.push(url);
      return answer(url);
    },
    open: async (url) => {
      opened.push(url);
    },
    log: (m) => logged.push(m),
  });
  return { open, asked, opened, logged };
}

describe('createLinkOpener', () => {
  it('asks once with the full URL and opens only on yes', async () => {
    const yes = opener(() => true);
    expect(await yes.open('https://example.com/a path?q=1#f')).toBe('opened');
    expect(yes.asked).toEqual(['https://example.com/a%20path?q=1#f']);
    expect(yes.opened).toEqual(yes.asked);

    const no = opener(() => false);
    expect(await no.open('mailto:ana@example.org')).toBe('declined');
    expect(no.asked).toEqual(['mailto:ana@example.org']);
    expect(no.opened).toEqual([]);
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://server/share',
    'https://user:pass@example.com/',
    `https://example.com/${'a'.repeat(2_000)}`,
    'not a url',
  ])('refuses %s without asking', async (url) => {
    const o = opener(() => true);
    expect(await o.open(url)).toBe('refused');
    expect(o.asked).toEqual([]);
    expect(o.opened).toEqual([]);
    expect(o.logged).toHaveLength(1);
  });

  it('refuses further links while one question is open, so a page cannot stack dialogs', async () => {
    let release: (answer: boolean) => void = () => undefined;
    const o = opener(() => new Promise<boolean>((resolve) => (release = resolve)));
    const first = o.open('https://example.com/1');
    expect(await o.open('https://example.com/2')).toBe('busy');
    release(true);
    expect(await first).toBe('opened');
    expect(o.opened).toEqual(['https://example.com/1']);
    // Once answered, the next link is asked about again.
    const third = o.open('https://example.com/3');
    release(false);
    expect(await third).toBe('declined');
    expect(o.asked).toEqual(['https://example.com/1', 'https://example.com/3']);
  });

  it('a failure of the OS handler is logged, never thrown into the window-open handler', async () => {
    const logged: string[] = [];
    const open = createLinkOpener({ confirm: async () => true, open: async () => Promise.reject(new Error('no handler')), log: (m) => logged.push(m) });
    expect(await open('https://example.com/')).toBe('refused');
    expect(logged[0]).toMatch(/no handler/);
  });

  it('the dialog shows the full URL', () => {
    const url = `https://example.com/${'x'.repeat(1_500)}`;
    expect(linkDialogText(url).detail.startsWith(`${url}\n`)).toBe(true);
    expect(linkDialogText('mailto:a@b.example').message).toMatch(/mail app/);
  });
});
