"""Vocabulary shared by the hypothesis property tests."""

from __future__ import annotations

AGENCIES = ["Police", "Children's Social Care", "Health Visiting", "GP"]
PHRASES = [
    "Strategy discussion held with police",
    "Initial child protection conference",
    "Core group meeting",
    "Home visit, mum and children seen",
    "Telephone call from the health visitor",
    "Referral received from police",
    "Case closed, no further action",
    "Attended surgery with cough\nAdvised to return if worse",
]
