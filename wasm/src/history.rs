//! Undo and redo: whole snapshots of what the user entered (small: a few
//! hundred observations at most), bounded so a long session stays light.

use std::vec::Vec;

/// How many steps back undo goes.
pub const DEPTH: usize = 100;

/// Past and undone states.
#[derive(Debug)]
pub struct History<T> {
    undo: Vec<T>,
    redo: Vec<T>,
}

impl<T> Default for History<T> {
    fn default() -> Self {
        History {
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }
}

impl<T> History<T> {
    /// Remember `before`, the state a change is about to replace.
    pub fn record(&mut self, before: T) {
        if self.undo.len() == DEPTH {
            self.undo.remove(0);
        }
        self.undo.push(before);
        self.redo.clear();
    }

    /// The state before the last change; `now` goes to redo.
    pub fn undo(&mut self, now: T) -> Result<T, T> {
        match self.undo.pop() {
            Some(prev) => {
                self.redo.push(now);
                Ok(prev)
            }
            None => Err(now),
        }
    }

    /// The state undone last; `now` goes back to undo.
    pub fn redo(&mut self, now: T) -> Result<T, T> {
        match self.redo.pop() {
            Some(next) => {
                self.undo.push(now);
                Ok(next)
            }
            None => Err(now),
        }
    }

    /// Whether undo has anything.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether redo has anything.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undo_redo() {
        let mut h = History::default();
        h.record(1);
        h.record(2);
        assert_eq!(h.undo(3), Ok(2));
        assert_eq!(h.undo(2), Ok(1));
        assert_eq!(h.undo(1), Err(1));
        assert_eq!(h.redo(1), Ok(2));
        h.record(2);
        assert!(!h.can_redo());
        for i in 0..200 {
            h.record(i);
        }
        assert_eq!(h.undo.len(), DEPTH);
    }
}
