"""Pure rules of the outbox: how long to wait before the next try, which refusals are final,
and the MIME message for a queued mail. No I/O."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, formataddr

MAX_WACHTTIJD = timedelta(seconds=60)


def wachttijd(pogingen: int) -> timedelta:
    """Exponential back-off after `pogingen` failed tries: 1, 2, 4 ... seconds, at most 60,
    so a mail leaves within a minute of the server coming back."""
    if pogingen < 1:
        return timedelta(0)
    # 2**6 = 64 > 60 already; cap the exponent so huge counts cannot overflow.
    return min(MAX_WACHTTIJD, timedelta(seconds=2 ** min(pogingen - 1, 6)))


def blijvend_geweigerd(code: int) -> bool:
    """SMTP 5xx refuses this mail for good (unknown mailbox); 4xx and anything else is
    temporary and tried again."""
    return 500 <= code <= 599


@dataclass(frozen=True)
class Postbericht:
    """What the sender needs of a queued row."""

    message_id: str
    afzender: str
    afzender_naam: str
    aan: str
    onderwerp: str
    tekst: str
    aangemaakt_op: datetime
    ics: str | None = None
    methode: str | None = None


def mime(bericht: Postbericht) -> EmailMessage:
    """Plain Dutch text; the invite attached as `text/calendar; method=X`, X the METHOD
    inside the file (RFC 6047), so mail clients offer accept/decline."""
    msg = EmailMessage()
    msg["From"] = formataddr((bericht.afzender_naam, bericht.afzender))
    msg["To"] = bericht.aan
    msg["Subject"] = bericht.onderwerp
    msg["Date"] = format_datetime(bericht.aangemaakt_op)
    msg["Message-ID"] = bericht.message_id
    msg["Auto-Submitted"] = "auto-generated"
    msg.set_content(bericht.tekst)
    if bericht.ics is not None:
        if bericht.methode is None:
            raise ValueError("an invite needs its method")
        if f"METHOD:{bericht.methode}\r\n" not in bericht.ics:
            raise ValueError("the MIME method must match the METHOD in the invite")
        msg.add_attachment(
            bericht.ics.encode(),
            maintype="text",
            subtype="calendar",
            params={"method": bericht.methode, "charset": "utf-8"},
            filename="uitnodiging.ics" if bericht.methode == "REQUEST" else "annulering.ics",
        )
    return msg
