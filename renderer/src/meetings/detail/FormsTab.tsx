import { useState } from 'react';
import type { DocumentKind, MeetingDetail } from '../../../../electron/ipc/schemas/meetings';
import { DocumentGate } from '../../documents/DocumentGate';
import { documentKinds, documentNumbers, documentTitle, documentWhen } from '../../documents/documentLabels';
import { useKindLabels } from '../labels';

/** 様式1〜5: each goes through the 159条 gate (names, copies, preview, warning and purpose). */
export function FormsTab({ meeting: m }: { meeting: MeetingDetail }) {
  const labels = useKindLabels();
  const label = labels[m.kind];
  const [open, setOpen] = useState<DocumentKind | null>(null);
  return (
    <section className="panel" aria-labelledby="mt-forms-title">
      <h2 id="mt-forms-title" className="panel-title">
        様式
      </h2>
      <p className="muted mt-forms-lead">
        保存やWordで開く前に、プレビューと守秘義務の確認があります。使用目的と部数は監査ログに記録されます。
        {m.kind === 'unconsented' && `${label}の資料は、世帯員を記号（A氏、B氏…）で表します。`}
      </p>
      <ul className="mt-forms">
        {documentKinds.map((document) => (
          <li key={document}>
            <button type="button" className="mt-form-button" onClick={() => setOpen(document)}>
              <span className="mt-form-no">様式{documentNumbers[document]}</span>
              <span className="mt-form-name">{documentTitle(document, label)}</span>
              <span className="mt-form-when">{documentWhen[document]}</span>
            </button>
          </li>
        ))}
      </ul>
      <DocumentGate
        document={open}
        title={open ? documentTitle(open, label) : ''}
        meetingId={m.id}
        kind={m.kind}
        kindLabel={label}
        onClose={() => setOpen(null)}
      />
    </section>
  );
}
