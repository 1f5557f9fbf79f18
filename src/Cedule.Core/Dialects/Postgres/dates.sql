{#- PostgreSQL dates: interval arithmetic, and boundary-counting differences built from date parts. -#}

{% macro postgres__current_timestamp() -%}now(){%- endmacro %}

{#- An interval of one datepart, for dateadd; PostgreSQL's interval input has no quarter, so a quarter is 3 months. -#}
{% macro postgres__interval_of(datepart) -%}
{%- set part = datepart | lower -%}
interval '{{ '3 month' if part == 'quarter' else '1 ' ~ part }}'
{%- endmacro %}

{% macro postgres__dateadd(datepart, interval, from_date_or_timestamp) -%}
({{ from_date_or_timestamp }} + ({{ dbt.postgres__interval_of(datepart) }} * ({{ interval }})))
{%- endmacro %}

{#-
  Boundaries crossed, as SQL Server and Snowflake count them: 2024-01-31 to 2024-02-01 is one
  month. Calendar parts subtract their fields; time parts truncate both ends and divide the span.
-#}
{% macro postgres__datediff(first_date, second_date, datepart) -%}
{%- set part = datepart | lower -%}
{%- set a = '(' ~ first_date ~ ')::timestamp' -%}
{%- set b = '(' ~ second_date ~ ')::timestamp' -%}
{%- set years = '(extract(year from ' ~ b ~ ') - extract(year from ' ~ a ~ '))' -%}
{%- if part == 'year' -%}
cast({{ years }} as bigint)
{%- elif part == 'quarter' -%}
cast({{ years }} * 4 + extract(quarter from {{ b }}) - extract(quarter from {{ a }}) as bigint)
{%- elif part == 'month' -%}
cast({{ years }} * 12 + extract(month from {{ b }}) - extract(month from {{ a }}) as bigint)
{%- elif part == 'week' -%}
cast((date_trunc('week', {{ b }})::date - date_trunc('week', {{ a }})::date) / 7 as bigint)
{%- elif part == 'day' -%}
cast(({{ b }})::date - ({{ a }})::date as bigint)
{%- else -%}
{%- set scale = {'hour': ' / 3600', 'minute': ' / 60', 'second': '', 'millisecond': ' * 1000', 'microsecond': ' * 1000000'} -%}
{%- if part not in scale -%}
{{ exceptions.raise_compiler_error("datediff: unsupported datepart '" ~ datepart ~ "' on postgres") }}
{%- endif -%}
{%- set unit = 'milliseconds' if part == 'millisecond' else 'microseconds' if part == 'microsecond' else part -%}
cast(extract(epoch from date_trunc('{{ unit }}', {{ b }}) - date_trunc('{{ unit }}', {{ a }})){{ scale[part] }} as bigint)
{%- endif -%}
{%- endmacro %}
