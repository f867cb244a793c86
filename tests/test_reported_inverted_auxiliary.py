"""Verb-second reported speech with an auxiliary (issue 16): a fronted phrase, the finite
auxiliary, the subject and adverbs, a participle of speech, then the that-clause. The subject
after the auxiliary is the speaker, not the fronted phrase."""

from __future__ import annotations

import pytest

from extraction_seeds import quotes


@pytest.mark.parametrize(
    ("language", "text", "speaker", "role"),
    [
        (
            "da",
            "Af indenrigspolitiske årsager har Waigel flere gange understreget, at tyskerne "
            "ikke behøver at nære frygt for, hvad der sker, når EF indfører ECUen som fælles "
            "møntfod i hele EF.",
            "Waigel",
            None,
        ),
        ("da", "I går har statsministeren sagt, at skatten skal ned.", None, "statsministeren"),
        ("nb", "I dag har ministeren igjen sagt at hun vil gå av.", None, "ministeren"),
        ("nn", "I fjor har Vik fleire gonger sagt at han vil gå av.", "Vik", None),
        ("sv", "I går har statsministern sagt att skatten ska sänkas.", None, "statsministern"),
        ("de", "Gestern hat Merkel erklärt, dass sie nicht zurücktreten werde.", "Merkel", None),
    ],
)
def test_the_subject_after_the_auxiliary_is_the_speaker(
    language: str, text: str, speaker: str | None, role: str | None
) -> None:
    found = quotes(text, language=language)
    assert [(q.kind, q.speaker, q.speaker_role) for q in found] == [("reported", speaker, role)]


def test_a_subject_before_the_auxiliary_stays_the_speaker() -> None:
    found = quotes("Regeringen har i dag sagt, at skatten skal ned.", language="da")
    assert [(q.speaker, q.speaker_type) for q in found] == [("Regeringen", "organisation")]
