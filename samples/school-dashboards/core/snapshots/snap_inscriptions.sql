{% snapshot snap_inscriptions %}
{{ config(unique_key='fiche', strategy='check', check_cols=['eco', 'niveau', 'date_fin']) }}
-- The history of each student's enrolment: a change of school, of grade or a departure opens a new version.
select fiche, eco, niveau, date_fin from {{ ref('i_gpi_inscriptions') }}
{% endsnapshot %}
