import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from './context.js';
import { dispatch } from './dispatch.js';
import { forgetRasters, keptRasters, rastersDrawn } from './drawings/raster.js';
import { rasterisedAhead } from './family-rasters.js';
import { familyHousehold, fourPeople, fourRelations } from './testing/family-fixture.js';
import { appWithJobWorker } from './testing/job-app.js';
import type { VaultSession } from './vault-session.js';

/**
 * Issue 12: the 別添資料's PNGs are made by the job worker when the 世帯員 screen draws the
 * household, so that issuing the document draws nothing on the main thread.
 */

let cleanup: () => Promise<void>;
let session: VaultSession;
let app: App;
let householdId: string;

async function call(channel: string, input: unknown): Promise<unknown> {
  const result = await dispatch(app, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.code}`);
  return result.value;
}

const preview = (names: 'real' | 'masked') =>
  call('documents.preview', {
    householdId,
    document: 'genogram',
    names,
    namesReason: names === 'real' ? '支援方針の共有のため' : '',
    copies: 1,
    together: [],
    perAgency: false,
    notice: { number: '', issuedOn: '', replyBy: '' },
  });

beforeEach(async () => {
  forgetRasters();
  ({ cleanup, session, app } = await appWithJobWorker('correct horse battery'));
  await call('acknowledgement.acknowledge', { textVersion: '2025-06-01' });
  const { store, user } = session.signedIn();
  ({ householdId } = await familyHousehold(store.db, user.id, {
    caseNo: 'R8-401',
    people: fourPeople,
    relations: fourRelations,
    now: session.now(),
  }));
});
afterEach(async () => {
  await session.close();
  await cleanup();
});

/**
 * Each job starts a job worker from source (tsx compiles its modules in the new thread), and a lock
 * waits for a drawings job to end. Under load (two cores shared by others' runs) one job took 6–17 s
 * and the lock 11 s; the four-job test took 27–62 s, over the default 60 s once in four runs.
 */
const workersMs = 180_000;

describe('the 別添資料 PNGs made ahead of time', { timeout: workersMs }, () => {
  it('after the 世帯員 screen drew the household, the document draws no PNG on the main thread', async () => {
    await call('family.get', { householdId });
    await rasterisedAhead();
    // 家族構成図 with names and with labels; one エコマップ (it names no member).
    expect(keptRasters()).toBe(3);
    const drawn = rastersDrawn();
    await preview('masked');
    await preview('real');
    expect(rastersDrawn()).toBe(drawn);
  });

  it('without the screen first, the document draws its own', async () => {
    const drawn = rastersDrawn();
    await preview('masked');
    expect(rastersDrawn()).toBe(drawn + 2);
  });

  it('requests that come while a job runs leave only the latest waiting: one job more, not one each', async () => {
    let started = 0;
    app.jobs?.onProgress((p) => {
      if (p.job === 'drawings' && p.step === 'starting') started += 1;
    });
    await call('family.get', { householdId });
    await call('family.saveRelations', { householdId, relations: [] });
    await call('family.get', { householdId });
    // Asked again with nothing kept: a third job, were the second request not replaced.
    forgetRasters();
    await call('family.get', { householdId });
    await rasterisedAhead();
    expect(started).toBe(2);
    expect(keptRasters()).toBe(3);
  });

  it('a change to the household replaces them; a lock drops them, even those still being made', async () => {
    await call('family.get', { householdId });
    await rasterisedAhead();
    // Every relation removed: another 家族構成図, the same エコマップ.
    await call('family.saveRelations', { householdId, relations: [] });
    await call('family.get', { householdId });
    await rasterisedAhead();
    // The drawings before the change are gone; the エコマップ did not change.
    expect(keptRasters()).toBe(3);
    const drawn = rastersDrawn();
    await preview('masked');
    expect(rastersDrawn()).toBe(drawn);

    // Made again while the lock comes: nothing of them stays.
    forgetRasters();
    await call('family.get', { householdId });
    expect(keptRasters()).toBe(3);
    await session.lock('user');
    expect(keptRasters()).toBe(0);
    await rasterisedAhead();
    expect(keptRasters()).toBe(0);
  });
});
