"""The demo's agreement: what each side commits to, the ladder, continuity, documentation, reviews."""
from __future__ import annotations

import datetime as dt

from negotiation.data.agreement import (
    Agreement,
    BasisKind,
    Commitment,
    Continuity,
    Documentation,
    EscalationTier,
    Level,
    ReviewCadence,
    ReviewFrequency,
)
from negotiation.data.case import Case
from negotiation.data.parties import PartyRole

CLIENT, VENDOR = PartyRole.CLIENT, PartyRole.VENDOR


def build(case: Case) -> Agreement:
    return Agreement(
        place="Amsterdam",
        signing_date=dt.date(2026, 12, 14),
        commitments=[
            Commitment(id="cm-refresh", side=VENDOR, owner_id="v-mgmt", due=dt.date(2027, 6, 30),
                       basis=BasisKind.CRITERION, basis_ref="sc-refresh", delivery_confirmed=True,
                       confirmed_by="Claire Dubois, Delivery Director, with the regional depot leads",
                       what=("Replace the remaining 3,700 laptops on the agreed end-of-life list through three "
                             "regional staging depots (Rotterdam, Kraków, Lisbon) instead of factory preloading.")),
            Commitment(id="cm-approvals", side=CLIENT, owner_id="c-mgmt", due=dt.date(2026, 12, 18),
                       basis=BasisKind.CRITERION, basis_ref="sc-decisions",
                       what=("Decide on every security or site approval the refresh needs within 10 working days "
                             "of a complete request.")),
            Commitment(id="cm-credits", side=VENDOR, owner_id="v-ops", due=dt.date(2027, 1, 15),
                       basis=BasisKind.CRITERION, basis_ref="sc-invoice",
                       delivery_confirmed=True, confirmed_by="Sanjay Iyer, Transition and Refresh Lead",
                       what="Issue credit notes for refresh fees charged on laptops not yet delivered."),
            Commitment(id="cm-payment", side=CLIENT, owner_id="c-vm", due=dt.date(2027, 1, 15),
                       basis=BasisKind.CRITERION, basis_ref="sc-payment",
                       what=("Pay the withheld part of invoices MG-2026-0418 and MG-2026-0519, less the agreed "
                             "credit notes.")),
            Commitment(id="cm-reporting", side=CLIENT, owner_id="c-mgmt", due=dt.date(2027, 1, 8),
                       basis=BasisKind.OPTION, basis_ref="op-rep-weekly",
                       what=("Replace the daily milestone-monitoring reports with one fortnightly programme "
                             "report in an agreed format.")),
            Commitment(id="cm-acknowledge", side=VENDOR, owner_id="v-exec", due=dt.date(2026, 12, 14),
                       basis=BasisKind.INCIDENT, basis_ref="ti-sales",
                       delivery_confirmed=True, confirmed_by="Claire Dubois, Delivery Director",
                       what=("Acknowledge in writing that the six-month refresh commitment of the sales phase "
                             "was not checked with the delivery team, and name the Delivery Director as the "
                             "single point of contact for the refresh.")),
        ],
        ladder=[
            EscalationTier(level=Level.OPERATIONAL, client_contact_ids=["c-ops"], vendor_contact_ids=["v-ops"],
                           handles="Incidents, device deliveries, day-to-day service questions", days=5,
                           expedited_days=1),
            EscalationTier(level=Level.MANAGEMENT, client_contact_ids=["c-mgmt", "c-vm"],
                           vendor_contact_ids=["v-mgmt"],
                           handles="Missed service levels, invoices, change requests, plan changes", days=10,
                           expedited_days=2),
            EscalationTier(level=Level.EXECUTIVE, client_contact_ids=["c-exec"], vendor_contact_ids=["v-exec"],
                           handles="Anything the managers could not settle; changes to this agreement", days=10,
                           expedited_days=2),
            EscalationTier(level=Level.MEDIATION, forum="Dr. Ingrid Vos, Vos Mediation & IT Governance",
                           handles="Disputes the executives could not settle", days=30, expedited_days=5),
            EscalationTier(level=Level.ARBITRATION, forum="Netherlands Arbitration Institute (NAI), Rotterdam",
                           handles="Disputes mediation could not settle, under the NAI Arbitration Rules",
                           days=120, expedited_days=20),
        ],
        continuity=Continuity(
            interim_arrangement=(
                "A disputed critical service (service desk, field services, device provisioning) continues at the "
                "contract's current rates. The disputed part of an invoice is parked, not withheld, until the "
                "ladder decides; the undisputed part is paid on the normal terms."),
        ),
        documentation=Documentation(
            decisions=("Every decision of a review or escalation meeting is recorded in minutes that both sides "
                       "sign within three working days, numbered and dated."),
            change_requests=("Change requests use one form that states the effect on price, time and the SMART "
                             "criteria; each is versioned in the shared contract repository."),
            service_issues=("Service issues are logged in the vendor's service-management tool with the client's "
                            "reference; both keep the monthly export."),
        ),
        review=ReviewCadence(frequency=ReviewFrequency.MONTHLY, count=6, first=dt.date(2027, 1, 14),
                             with_mediator=True),
    )
