import { type KeyboardEvent, useRef } from 'react';
import styles from './MeetingTabs.module.css';

/** The tabs of a meeting's detail, in order; the route's `tab` search value is one of these. */
export const meetingTabs = ['overview', 'attendees', 'plan', 'report', 'forms'] as const;
export type MeetingTab = (typeof meetingTabs)[number];

export interface TabItem {
  id: MeetingTab;
  label: string;
  /** A short state beside the label: 「3人」「作成中」. */
  note?: string;
}

interface MeetingTabsProps {
  tabs: readonly TabItem[];
  current: MeetingTab;
  onSelect: (tab: MeetingTab) => void;
  idPrefix: string;
}

/** WAI-ARIA tabs: ← → Home End move and select; Tab goes into the panel. */
export function MeetingTabs({ tabs, current, onSelect, idPrefix }: MeetingTabsProps) {
  const list = useRef<HTMLDivElement>(null);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const focused = (event.target as HTMLElement).id;
    const index = tabs.findIndex((t) => `${idPrefix}-tab-${t.id}` === focused);
    if (index === -1) return;
    const last = tabs.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (index + last) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    const tab = tabs[next];
    if (!tab) return;
    onSelect(tab.id);
    list.current?.querySelector<HTMLButtonElement>(`#${CSS.escape(`${idPrefix}-tab-${tab.id}`)}`)?.focus();
  }

  return (
    <div ref={list} className={styles.tabs} role="tablist" aria-label="会議の内容" onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${tab.id}`}
          aria-selected={tab.id === current}
          aria-controls={`${idPrefix}-panel`}
          tabIndex={tab.id === current ? 0 : -1}
          className={styles.tab}
          onClick={() => onSelect(tab.id)}
        >
          {tab.label}
          {tab.note && <span className={styles.tabNote}>{tab.note}</span>}
        </button>
      ))}
    </div>
  );
}
