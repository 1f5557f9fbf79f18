{#- T-SQL dates. Datepart names go unquoted: T-SQL takes them as keywords. -#}

{% macro fabric__current_timestamp() -%}cast(sysdatetime() as datetime2(6)){%- endmacro %}

{#- The cast makes a date literal ('2024-01-30') a timestamp, as PostgreSQL's date + interval is. -#}
{% macro fabric__dateadd(datepart, interval, from_date_or_timestamp) -%}
dateadd({{ datepart }}, {{ interval }}, cast({{ from_date_or_timestamp }} as datetime2(6)))
{%- endmacro %}

{#- T-SQL's datediff counts boundaries crossed, which is the documented meaning (weeks start on Sunday). -#}
{% macro fabric__datediff(first_date, second_date, datepart) -%}
datediff({{ datepart }}, {{ first_date }}, {{ second_date }})
{%- endmacro %}

{#-
  SQL Server 2019 has no date_trunc (DATETRUNC came in 2022), so each part is rebuilt from its
  fields. A day or longer gives a date, as dbt-sqlserver's does; hours and less a datetime2(6).
  Weeks start on Monday whatever SET DATEFIRST says, as PostgreSQL's do.
-#}
{% macro fabric__date_trunc(datepart, date) -%}
{%- set part = datepart | lower -%}
{%- if part == 'year' -%}
datefromparts(year({{ date }}), 1, 1)
{%- elif part == 'quarter' -%}
datefromparts(year({{ date }}), (datepart(quarter, {{ date }}) - 1) * 3 + 1, 1)
{%- elif part == 'month' -%}
datefromparts(year({{ date }}), month({{ date }}), 1)
{%- elif part == 'week' -%}
dateadd(day, -((datepart(weekday, {{ date }}) + @@datefirst + 5) % 7), cast({{ date }} as date))
{%- elif part == 'day' -%}
cast({{ date }} as date)
{%- elif part == 'hour' -%}
dateadd(hour, datepart(hour, {{ date }}), cast(cast({{ date }} as date) as datetime2(6)))
{%- elif part == 'minute' -%}
dateadd(minute, datepart(hour, {{ date }}) * 60 + datepart(minute, {{ date }}), cast(cast({{ date }} as date) as datetime2(6)))
{%- elif part == 'second' -%}
dateadd(second, datepart(hour, {{ date }}) * 3600 + datepart(minute, {{ date }}) * 60 + datepart(second, {{ date }}), cast(cast({{ date }} as date) as datetime2(6)))
{%- else -%}
{{ exceptions.raise_compiler_error("date_trunc: unsupported datepart '" ~ datepart ~ "' on " ~ target.type) }}
{%- endif -%}
{%- endmacro %}

{% macro fabric__last_day(date, datepart) -%}
{%- if datepart | lower == 'month' -%}
eomonth({{ date }})
{%- else -%}
{{ return(dbt.default__last_day(date, datepart)) }}
{%- endif -%}
{%- endmacro %}
