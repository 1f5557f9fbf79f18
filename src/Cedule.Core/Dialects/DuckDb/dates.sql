{#- DuckDB dates. -#}

{% macro duckdb__current_timestamp() -%}now(){%- endmacro %}

{#- DuckDB multiplies intervals by integers as PostgreSQL does, and has the same interval input. -#}
{% macro duckdb__dateadd(datepart, interval, from_date_or_timestamp) -%}
{{ return(dbt.postgres__dateadd(datepart, interval, from_date_or_timestamp)) }}
{%- endmacro %}

{#- date_diff counts the datepart boundaries crossed; both ends become timestamps so a date and a timestamp mix. -#}
{% macro duckdb__datediff(first_date, second_date, datepart) -%}
date_diff('{{ datepart }}', cast({{ first_date }} as timestamp), cast({{ second_date }} as timestamp))
{%- endmacro %}
