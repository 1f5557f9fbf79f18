-- Students per teacher (full-time equivalents).
with enseignants as (
    select eco, sum(etp) as etp_enseignants
    from {{ ref('eff_fact_etp_ecole') }}
    where corps_emploi = 'enseignant'
    group by eco
)

select
    s.eco,
    s.nb_eleves,
    t.etp_enseignants,
    round(cast(s.nb_eleves as {{ dbt.type_numeric() }}) / nullif(t.etp_enseignants, 0), 2) as eleves_par_enseignant
from {{ ref('eff_fact_effectif_eleves') }} as s
left join enseignants as t on t.eco = s.eco
