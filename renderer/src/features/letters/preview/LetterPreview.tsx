import type { LetterDocument } from '../../../../../electron/core/letters/documentModel';
import type { Run } from '../../../../../electron/core/letters/richText';
import classes from './LetterPreview.module.css';

function Runs({ runs }: { runs: Run[] }) {
  return (
    <>
      {runs.map((r, i) => {
        let node: React.ReactNode = r.text.split('\n').flatMap((part, j) => (j === 0 ? [part] : [<br key={`b${j}`} />, part]));
        if (r.underline) node = <u>{node}</u>;
        if (r.italic) node = <em>{node}</em>;
        if (r.bold) node = <strong>{node}</strong>;
        return <span key={i}>{node}</span>;
      })}
    </>
  );
}

/**
 * The letter on A4, part by part in the order it is sent: a pure function of the document model that the
 * DOCX export also renders. Each part carries `data-part` so tests can check order and content.
 */
export function LetterPreview({ document: doc }: { document: LetterDocument }) {
  const { letterhead } = doc;
  return (
    <article className={classes.page} aria-label="Letter preview" lang="en-GB">
      <header className={classes.letterhead} data-part="letterhead">
        <div className={classes.officeName}>{letterhead.officeName}</div>
        {letterhead.addressLines.map((l, i) => (
          <div key={i}>{l}</div>
        ))}
        {letterhead.email && <div>{letterhead.email}</div>}
        {letterhead.telephone && <div>{letterhead.telephone}</div>}
      </header>
      <p data-part="date">{doc.date}</p>
      <p data-part="reference">Ref: {doc.reference}</p>
      <address className={classes.recipient} data-part="recipient">
        {doc.recipientLines.map((l, i) => (
          <div key={i}>{l}</div>
        ))}
      </address>
      <p data-part="salutation">{doc.salutation}</p>
      <p className={classes.subject} data-part="subject">
        {doc.subject}
      </p>
      <div data-part="body">
        {doc.body.map((b, i) => {
          if (b.type === 'paragraph') {
            return (
              <p key={i} className={classes.paragraph}>
                <Runs runs={b.runs} />
              </p>
            );
          }
          const List = b.type === 'orderedList' ? 'ol' : 'ul';
          return (
            <List key={i} className={classes.list}>
              {b.items.map((item, j) => (
                <li key={j}>
                  <Runs runs={item} />
                </li>
              ))}
            </List>
          );
        })}
      </div>
      <p data-part="closing">{doc.closing}</p>
      <div className={classes.signatures}>
        {doc.signatures.map((s, i) => (
          <div key={i} className={classes.signature} data-part="signature">
            <div className={classes.signSpace}>{s.image && <img src={s.image} alt={`Signature of ${s.name}`} className={classes.signImage} />}</div>
            <div>{s.name}</div>
            {s.titleLines.map((t, j) => (
              <div key={j} className={classes.title}>
                {t}
              </div>
            ))}
          </div>
        ))}
      </div>
      {doc.cc.length > 0 && (
        <div className={classes.cc} data-part="cc">
          <div className={classes.ccLabel}>CC:</div>
          {doc.cc.map((c, i) => (
            <div key={i}>{c}</div>
          ))}
        </div>
      )}
    </article>
  );
}
