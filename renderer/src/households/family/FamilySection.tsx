import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { familySheet } from '../../../../electron/domain/forms';
import { call, errorMessage } from '../../api';
import { DocumentGate } from '../../documents/DocumentGate';
import { useKindLabels } from '../../meetings/labels';
import { read, refresh } from '../../queries';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/cx';
import layoutStyles from '../../ui/layout.module.css';
import { Notice } from '../../ui/Notice';
import { useOpenedHousehold } from '../HouseholdScreen';
import householdsStyles from '../households.module.css';
import { EcoMapTies } from './EcoMapTies';
import styles from './Family.module.css';
import { type RelationDraft, RelationsEditor } from './RelationsEditor';

/** The drawing as the service made it, shown as an image (no script or style of its own can run). */
const svgSource = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

/**
 * 家族関係 and the エコマップ's ties, edited beside the drawings they make: every change is saved and
 * the 家族構成図 and エコマップ are drawn again by the same function the 別添資料 uses.
 */
export function FamilySection() {
  const household = useOpenedHousehold();
  const queryClient = useQueryClient();
  const labels = useKindLabels();
  const family = useQuery(read('family.get', { householdId: household.id }));
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string>('');
  const [issuing, setIssuing] = useState(false);
  const kind = household.consent === 'granted' ? 'consented' : 'unconsented';

  const saveRelations = useMutation({
    mutationFn: (relations: RelationDraft[]) =>
      call('family.saveRelations', { householdId: household.id, relations }),
    onSuccess: async () => {
      setProblem(null);
      setSaved('家族関係を保存し、家族構成図を描き直しました。');
      await refresh(queryClient, ['family.get']);
    },
    onError: (error) => setProblem(errorMessage(error)),
  });
  const saveTie = useMutation({
    mutationFn: (tie: Omit<Parameters<typeof call<'family.saveTie'>>[1], 'householdId'>) =>
      call('family.saveTie', { householdId: household.id, ...tie }),
    onSuccess: async () => {
      setProblem(null);
      setSaved('つながりを保存し、エコマップを描き直しました。');
      await refresh(queryClient, ['family.get']);
    },
    onError: (error) => setProblem(errorMessage(error)),
  });

  return (
    <section className={cx(layoutStyles.panel, householdsStyles.section)} aria-labelledby="hh-family-title">
      <div className={styles.head}>
        <h2 id="hh-family-title" className={layoutStyles.panelTitle}>
          家族構成図・エコマップ
        </h2>
        <Button onClick={() => setIssuing(true)} disabled={!family.data}>
          別添資料として出す…
        </Button>
      </div>
      {family.isError && <Notice tone="error">{errorMessage(family.error)}</Notice>}
      {problem && <Notice tone="error">{problem}</Notice>}
      <p className="visually-hidden" aria-live="polite">
        {saved}
      </p>
      {family.data && (
        <div className={styles.layout}>
          <div className={styles.editors}>
            <RelationsEditor
              members={household.members}
              relations={family.data.relations}
              busy={saveRelations.isPending}
              onSave={async (relations) => {
                try {
                  await saveRelations.mutateAsync(relations);
                  return true;
                } catch {
                  return false;
                }
              }}
            />
            <EcoMapTies
              ties={family.data.ties}
              busy={saveTie.isPending}
              onChange={(tie) => saveTie.mutate(tie)}
            />
          </div>
          <div className={styles.drawings}>
            <figure className={styles.figure}>
              <img
                className={styles.drawing}
                src={svgSource(family.data.genogramSvg)}
                alt="家族構成図（内容は左の世帯員と家族関係の一覧のとおり）"
                data-testid="genogram"
              />
              <figcaption>
                家族構成図（□男性 ○女性 ◇その他・不明、二重線は本人、×は死亡、☆はキーパーソン、囲みは同居）
              </figcaption>
            </figure>
            <figure className={styles.figure}>
              <img
                className={styles.drawing}
                src={svgSource(family.data.ecoMapSvg)}
                alt="エコマップ（内容は左の関係機関の一覧のとおり）"
                data-testid="eco-map"
              />
              <figcaption>
                エコマップ（太線は強い、点線は弱い、ギザギザはストレス、矢印は支援の向き）
              </figcaption>
            </figure>
          </div>
        </div>
      )}
      <DocumentGate
        document={issuing ? familySheet.key : null}
        title={familySheet.title}
        householdId={household.id}
        kind={kind}
        kindLabel={labels[kind]}
        noticeNumber={null}
        onClose={() => setIssuing(false)}
      />
    </section>
  );
}
