{#-
  SQL Server's string_agg stops at 8,000 bytes unless its input is varchar(max); Fabric's result
  limit differs, so only SQL Server widens the measure. Everything else comes from Fabric.
-#}
{% macro sqlserver__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
{%- if (measure | string | trim | lower).startswith('distinct ') -%}
{{ return(dbt.fabric__listagg(measure, delimiter_text, order_by_clause, limit_num)) }}
{%- endif -%}
{{ return(dbt.fabric__listagg('cast(' ~ measure ~ ' as varchar(max))', delimiter_text, order_by_clause, limit_num)) }}
{%- endmacro %}
