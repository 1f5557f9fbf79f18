with inscriptions as (
    select fiche, eco, niveau, date_fin
    from {{ ref('i_gpi_inscriptions') }}
)

select
    e.fiche,
    e.nom,
    e.prenom,
    e.genre,
    e.date_naissance,
    i.eco,
    i.niveau,
    i.date_fin is null as est_actif
from {{ ref('i_gpi_eleves') }} as e
inner join inscriptions as i on i.fiche = e.fiche
