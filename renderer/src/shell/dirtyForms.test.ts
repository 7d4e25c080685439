import { describe, expect, test } from 'vitest';
import { createDirtyForms } from './dirtyForms';

describe('保存していない変更の確認（画面移動の前）', () => {
  test('変更のあるフォームがなければ確認せずに移動する', () => {
    expect(createDirtyForms().any()).toBe(false);
  });

  test('変更のあるフォームがひとつでもあれば確認する', () => {
    const forms = createDirtyForms();
    const section = forms.register();
    expect(forms.any()).toBe(true);
    section();
    expect(forms.any()).toBe(false);
  });

  test('ふたつのフォームに変更があるとき、片方を保存しても、もう片方のために確認する', () => {
    const forms = createDirtyForms();
    const section = forms.register();
    const dialog = forms.register();
    section();
    expect(forms.any()).toBe(true);
    // Taken off twice (a re-render after saving): the other form still counts.
    section();
    expect(forms.any()).toBe(true);
    dialog();
    expect(forms.any()).toBe(false);
  });

  test('画面ごとに別の登録簿（ロックで作り直すと、前の変更は残らない）', () => {
    const before = createDirtyForms();
    before.register();
    expect(createDirtyForms().any()).toBe(false);
  });

  test('ロックで戻せないフォームに変更があるときだけ、ロックの前に確認する', () => {
    const forms = createDirtyForms();
    const kept = forms.register(true);
    expect(forms.any()).toBe(true);
    expect(forms.anyLost()).toBe(false);
    const dialog = forms.register();
    expect(forms.anyLost()).toBe(true);
    dialog();
    expect(forms.anyLost()).toBe(false);
    kept();
    expect(forms.any()).toBe(false);
  });
});
