{{ config(severity='warn') }}
-- A warning, not an error: some students miss a quarter of their school days or more. The
-- dashboards still publish; the follow-up team gets the list.
select fiche, taux_absence
from {{ ref('abs_fact_absences_eleve') }}
where taux_absence >= 0.25
