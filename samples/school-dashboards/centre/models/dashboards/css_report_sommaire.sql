-- One row for the board's home page: students, schools, absence rate, pass rate, graduation rate.
select
    (select sum(nb_eleves) from {{ ref('eff_fact_effectif_eleves') }}) as nb_eleves,
    (select count(*) from {{ ref('dim_ecoles') }}) as nb_ecoles,
    (select {{ tdb_core.taux('sum(jours_absences)', 'sum(jours_eleves)') }} from {{ ref('abs_report_taux_ecole') }}) as taux_absence,
    (select {{ tdb_core.taux('sum(nb_reussites)', 'sum(nb_eleves)') }} from {{ ref('res_report_par_matiere') }}) as taux_reussite,
    (select {{ tdb_core.taux('sum(nb_diplomes)', 'sum(nb_eleves_cohorte)') }} from {{ ref('dip_report_taux_ecole') }}) as taux_diplomation
