"""How long a story may go quiet in this stream: a time prior learned from the stream itself.

Streams differ in how their stories use time. In a crawl of an aggregator's story pages a story
arrives in one burst and never returns; in a wire feed a story gets a burst of copies, goes quiet
and comes back with a follow-up hours later. A fixed penalty on the time gap cannot suit both, so
the clusterer counts, as it goes, how long the stories it is sure about had been quiet when their
next article came, against how long the stories it is sure an article does *not* belong to had been
quiet, and turns that into a likelihood ratio (Miranda et al. 2018 learn their time features'
weights from labelled streams; here the stream labels itself by content alone).

A gap is measured in the story's own rhythm: the time since its last article divided by its mean
interval between articles so far (a story of one article: the gap in seconds, counted apart).
Both are bucketed by powers of two. For every article scored against candidate stories:

- the candidate with the highest content similarity counts as *same* if that similarity is at
  least :data:`CONFIDENT` (content alone decides, so the prior cannot feed on its own choices);
- every candidate below the join threshold counts as *other*.

:meth:`GapModel.penalty` is ``min(0, log(P(gap | same) / P(gap | other)))`` for a quiet time
longer than the one sure joins most often have: a story that has been quiet far longer, for its
own pace, than this stream's stories ever are before going on loses score. Only the penalty side
is used: the bonus side (a story that is active right now) pulls weakly related articles into
whatever is breaking when stories interleave (an early variant with it took the UCI stream spread
over three hours from BCubed F1 0.75 to 0.56).

The counts are a function of the ordered articles alone and are persisted beside the document
frequencies, so a resumed run goes on exactly as an uninterrupted one.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping

from newsloom.assign.cluster_state import StoryState

__all__ = ["CONFIDENT", "GapModel", "gap_key"]

CONFIDENT = 0.4  # content similarity that makes an article's best story a sure "same" sample
BUCKETS = 26  # powers of two: 2**25 s is about a year; 2**25 intervals is more than any window
MIN_SAMPLES = 20  # same and other samples each before the prior says anything
MIN_KEY_SAMPLES = 10  # samples in a bucket before its own ratio counts
SMOOTHING = 0.5  # pseudo-count per bucket and class
LOWEST = -8.0  # the strongest penalty, in nats


def gap_key(state: StoryState, time: float) -> str:
    """The bucket of ``state``'s quiet time at ``time``, in its own rhythm (see module doc)."""
    gap = max(0.0, time - state.last_time)
    if state.count < 2:
        return "s" + str(min(BUCKETS - 1, int(math.log2(1.0 + gap))))
    interval = max(1.0, (state.last_time - state.first_time) / (state.count - 1))
    return "r" + str(min(BUCKETS - 1, int(math.log2(1.0 + gap / interval))))


class GapModel:
    """Counts of quiet-time buckets for sure-same and sure-other stories; the penalty they give."""

    def __init__(self, counts: Mapping[str, int] | None = None) -> None:
        self.same: Counter[str] = Counter()
        self.other: Counter[str] = Counter()
        self._penalties: dict[str, float] | None = None  # worked out again after each observe
        for name, count in (counts or {}).items():
            kind, _, key = name.partition(":")
            if kind == "same":
                self.same[key] += count
            elif kind == "other":
                self.other[key] += count

    def observe(self, scored: Iterable[tuple[float, str]], threshold: float) -> Counter[str]:
        """Count one article's candidates (content similarity, gap key); returns the increments.

        The increments are named ``same:KEY`` / ``other:KEY``, the form :class:`GapModel` is
        built from, so the caller can persist them.
        """
        samples = list(scored)
        added: Counter[str] = Counter()
        if not samples:
            return added
        best_similarity, best_key = max(samples)
        if best_similarity >= CONFIDENT:
            self.same[best_key] += 1
            added["same:" + best_key] += 1
        for similarity, key in samples:
            if similarity < threshold:
                self.other[key] += 1
                added["other:" + key] += 1
        if added:
            self._penalties = None
        return added

    def penalty(self, key: str) -> float:
        """The penalty of a quiet-time bucket, in nats (≤ 0); 0 until there is enough to go on.

        Only a quiet time longer than the one sure joins of its kind most often have can cost
        (being quiet for less than usual is no evidence against a story). A bucket's own ratio
        counts once it holds :data:`MIN_KEY_SAMPLES`; a longer quiet time is never penalised less
        than a shorter one of the same kind (a story does not become more likely to go on by
        staying quiet longer), which also covers buckets not seen yet.
        """
        if self._penalties is None:
            self._penalties = self._work_out()
        return self._penalties.get(key, 0.0)

    def _work_out(self) -> dict[str, float]:
        """Every bucket's penalty, the running minimum from the usual bucket of its kind on."""
        same_total, other_total = self.same.total(), self.other.total()
        if same_total < MIN_SAMPLES or other_total < MIN_SAMPLES:
            return {}
        keys = self.same.keys() | self.other.keys()
        usual: dict[str, int] = {}
        for key, _ in sorted(self.same.items(), key=lambda item: (-item[1], item[0])):
            usual.setdefault(key[0], int(key[1:]))
        penalties: dict[str, float] = {}
        for kind, first in usual.items():
            running = 0.0
            for index in range(first + 1, BUCKETS):
                key = kind + str(index)
                same, other = self.same[key], self.other[key]
                if same + other >= MIN_KEY_SAMPLES:
                    p_same = (same + SMOOTHING) / (same_total + SMOOTHING * len(keys))
                    p_other = (other + SMOOTHING) / (other_total + SMOOTHING * len(keys))
                    running = min(running, max(LOWEST, math.log(p_same / p_other)))
                if running < 0.0:
                    penalties[key] = running
        return penalties

    def table(self) -> list[tuple[str, int, int, float]]:
        """(bucket, same, other, penalty) for every bucket seen, in bucket order (for reports)."""
        keys = sorted(self.same.keys() | self.other.keys(), key=lambda key: (key[0], int(key[1:])))
        return [(key, self.same[key], self.other[key], self.penalty(key)) for key in keys]
