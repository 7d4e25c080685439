import { Outlet } from '@tanstack/react-router';
import { createContext, useContext, useMemo, useState } from 'react';
import { type ListFilters, noFilters } from './list/listFilters';

interface ListState {
  filters: ListFilters;
  setFilters: (next: ListFilters) => void;
  /** The row picked with ↑↓, or the household last opened, so the list comes back at it. */
  highlightedId: string | null;
  setHighlightedId: (id: string | null) => void;
  /** The words of 支援経過の検索, kept while going to a hit and back. */
  noteQuery: string;
  setNoteQuery: (next: string) => void;
}

const ListStateContext = createContext<ListState | null>(null);

/**
 * 世帯: the list, 新規登録, 支援経過の検索 and one household's screens. The searches and highlighted row live
 * here, so they survive opening a household and coming back, and go with a lock or the menu.
 */
export function HouseholdsSection() {
  const [filters, setFilters] = useState<ListFilters>(noFilters);
  const [highlightedId, setHighlightedId] = useState<string | null>(null);
  const [noteQuery, setNoteQuery] = useState('');
  const value = useMemo(
    () => ({ filters, setFilters, highlightedId, setHighlightedId, noteQuery, setNoteQuery }),
    [filters, highlightedId, noteQuery],
  );
  return (
    <ListStateContext value={value}>
      <Outlet />
    </ListStateContext>
  );
}

export function useListState(): ListState {
  const state = useContext(ListStateContext);
  if (!state) throw new Error('useListState outside HouseholdsSection');
  return state;
}
