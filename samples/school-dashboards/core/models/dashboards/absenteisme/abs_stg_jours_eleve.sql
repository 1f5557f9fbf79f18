-- One row per student and school day with flags, the base of every absence measure.
select
    p.fiche,
    p.eco,
    p.date_jour,
    c.etape,
    case when p.statut = 'A' then 1 else 0 end as est_absent,
    case when p.statut = 'R' then 1 else 0 end as est_en_retard,
    p.motif
from {{ ref('i_gpi_presences') }} as p
inner join {{ ref('dim_calendrier') }} as c on c.date_jour = p.date_jour
