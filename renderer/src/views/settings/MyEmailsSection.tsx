// Settings → My e-mail addresses (issue 14): which addresses are me when a
// calendar or an mbox is imported (mail from them is mail I sent; events they
// declined are left out). Also asked, and kept, when importing.
import { useState } from 'react';
import { InlineError } from '../../components/ErrorNotice';
import { errorMessage, mutate } from '../../data/mutate';
import { useQuery } from '../../data/useQuery';

export function MyEmailsSection() {
  const saved = useQuery('settings:myEmails', {});
  const current = saved.data?.emails.join(', ') ?? '';
  // Keyed by what is saved: the field starts from it again whenever it changes (an import keeps new addresses).
  return <MyEmailsForm key={current} initial={current} />;
}

function MyEmailsForm({ initial }: { initial: string }) {
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  async function save() {
    setError(null);
    setDone(false);
    const emails = text
      .split(/[\s,;]+/)
      .map((e) => e.trim())
      .filter(Boolean);
    try {
      const result = await mutate('settings:setMyEmails', { emails });
      setText(result.emails.join(', '));
      setDone(true);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <section className="section" data-testid="settings-my-emails">
      <div className="section-header">
        <h2 className="section-title">My e-mail addresses</h2>
      </div>
      <p className="muted-text">
        When a calendar or mail is imported, these are you: mail from them is mail you sent, and events you declined are left out. Your
        own e-mails on your profile count too.
      </p>
      <form
        className="form-row"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <input
          className="input"
          aria-label="My e-mail addresses"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setDone(false);
          }}
          placeholder="me@example.org, me@work.example"
          data-testid="settings-my-emails-input"
        />
        <button type="submit" className="button" data-testid="settings-my-emails-save">
          Save
        </button>
        {done && <span className="field-hint">Saved.</span>}
      </form>
      {error && <InlineError message={error} />}
    </section>
  );
}
