// Shown on every view when Kith opened the data file read-only (issue 7: the
// startup dialog's "Open read-only", when the file cannot be written, the disk
// is full, or another program holds it). Calm: everything can be read; saves
// are refused with a sentence of their own.
export function ReadOnlyBanner() {
  return (
    <div className="read-only-banner" role="status" data-testid="read-only-banner">
      <strong>Read-only.</strong> You can look at everything, but nothing you change is saved. Quit and start Kith again once the problem it
      reported is fixed.
    </div>
  );
}
