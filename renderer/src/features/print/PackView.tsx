import { formatIsoDate } from '../../../../electron/core/dates/londonDate';
import type { PackItem } from '../../../../electron/core/signoff/pack';
import { LetterPreview } from '../letters/preview/LetterPreview';
import classes from './PackView.module.css';

function CoverSheet({ item }: { item: PackItem }) {
  return (
    <section className={classes.sheet} data-testid="cover-sheet" aria-label={`Cover sheet for ${item.reference}`}>
      <h1 className={classes.coverTitle}>For signature</h1>
      <table className={classes.facts}>
        <tbody>
          <tr>
            <th>Reference</th>
            <td>{item.reference}</td>
          </tr>
          <tr>
            <th>Subject</th>
            <td>{item.subject}</td>
          </tr>
          <tr>
            <th>To</th>
            <td>{item.recipient}</td>
          </tr>
          <tr>
            <th>Signature needed by</th>
            <td>{item.signByDate ? formatIsoDate(item.signByDate) : 'As soon as possible'}</td>
          </tr>
        </tbody>
      </table>
      {item.commitments.length > 0 && (
        <>
          <h2 className={classes.heading}>The letter asks for</h2>
          <ul className={classes.commitments}>
            {item.commitments.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </>
      )}
      <h2 className={classes.heading}>Signatories, in order</h2>
      <div className={classes.boxes}>
        {item.signatories.map((s, i) => (
          <div key={i} className={classes.box} data-testid="signature-box">
            <div className={classes.boxName}>
              {i + 1}. {s.name}
              {s.state === 'signed' && <span className={classes.done}> (signed)</span>}
            </div>
            <div className={classes.boxTitles}>{s.titleLines.join(' ')}</div>
            <div className={classes.lines}>
              <span>Signature</span>
              <span>Date</span>
            </div>
          </div>
        ))}
      </div>
    </section>
  );
}

/**
 * A signatory pack: for a batch, a contents sheet first; then for each letter a cover sheet and the letter
 * exactly as it will be sent, each starting on a new page. Screen and paper show the same thing.
 */
export function PackView({ items }: { items: PackItem[] }) {
  return (
    <div className={classes.pack}>
      {items.length > 1 && (
        <section className={classes.sheet} data-testid="contents-sheet" aria-label="Contents">
          <h1 className={classes.coverTitle}>Signatory pack: {items.length} letters</h1>
          <table className={classes.contents}>
            <thead>
              <tr>
                <th>#</th>
                <th>Reference</th>
                <th>Subject</th>
                <th>To</th>
                <th>Needed by</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item, i) => (
                <tr key={item.id}>
                  <td>{i + 1}</td>
                  <td>{item.reference}</td>
                  <td>{item.subject}</td>
                  <td>{item.recipient}</td>
                  <td>{item.signByDate ? formatIsoDate(item.signByDate) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {items.map((item) => (
        <div key={item.id} data-testid="pack-letter">
          <CoverSheet item={item} />
          <div className={classes.letter}>
            <LetterPreview document={item.document} />
          </div>
        </div>
      ))}
    </div>
  );
}
