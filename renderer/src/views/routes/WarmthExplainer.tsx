import { TIE_STRENGTH_LABELS } from '../../../../shared/vocabulary';
import { useQuery } from '../../data/useQuery';
import { FIT_LABELS, percent } from '../introductions/introText';

function duration(days: number): string {
  if (days < 365) return `${Math.round(days / 30)} months`;
  const years = days / 365;
  return years === 1 ? '1 year' : `${Math.round(years * 10) / 10} years`;
}

/** "How warmth is computed": the numbers main/routes/warmth.ts uses, fetched from it (targets:warmthModel), never copied. */
export function WarmthExplainer() {
  const model = useQuery('targets:warmthModel', {}).data;
  return (
    <details className="warmth-explainer" data-testid="warmth-explainer">
      <summary>How warmth is computed</summary>
      {model && (
        <div className="warmth-explainer-body">
          <p>
            A route’s warmth is the warmth of each hop multiplied together, times how well the last person fits the goal. Routes are ranked by
            warmth, then by fewer hops. The list shows the warmest route through each of your contacts; open one to see its other ways in.
          </p>
          <h3>Each hop, by tie strength</h3>
          <table className="warmth-table" data-testid="warmth-base">
            <tbody>
              {model.baseWarmth.map((b) => (
                <tr key={b.strength}>
                  <td>
                    <span className={`strength-badge s${b.strength}`}>{b.strength}</span> {TIE_STRENGTH_LABELS[b.strength]}
                  </td>
                  <td className="num">{percent(b.warmth)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>Your own quiet ties</h3>
          <p>
            After {model.quiet.graceDays} days with no journal entry, your tie with someone cools gently: the part of its warmth above{' '}
            {percent(model.quiet.floor)} halves every {model.quiet.halfLifeDays} days, so it never falls below {percent(model.quiet.floor)}. Ties
            between other people do not decay.
          </p>
          <table className="warmth-table" data-testid="warmth-quiet">
            <tbody>
              {model.quiet.examples.map((e) => (
                <tr key={e.days}>
                  <td>Quiet for {duration(e.days)}</td>
                  <td className="num">×{e.factor.toFixed(2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>Who the route ends with</h3>
          <table className="warmth-table" data-testid="warmth-fit">
            <tbody>
              {model.fit.map((f) => (
                <tr key={f.kind}>
                  <td>{FIT_LABELS[f.kind]}</td>
                  <td className="num">×{f.factor.toFixed(2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted-text">
            Up to {model.defaultK} routes, at most {model.defaultMaxHops} hops unless you allow more (up to {model.maxHops}). Archived people are
            never on a route.
          </p>
        </div>
      )}
    </details>
  );
}
