{#-
  T-SQL types, for Fabric Warehouse and SQL Server (which inherits them). Fabric stores no
  nvarchar, no datetime and datetime2 up to precision 6, so these are the types both accept.
-#}
{% macro fabric__type_string() -%}varchar(8000){%- endmacro %}
{% macro fabric__type_timestamp() -%}datetime2(6){%- endmacro %}
{#- T-SQL has no boolean type: a flag is a bit (0, 1 or null). -#}
{% macro fabric__type_boolean() -%}bit{%- endmacro %}

{% macro fabric__safe_cast(field, type) -%}try_cast({{ field }} as {{ type }}){%- endmacro %}

{#-
  Whether an expression is a predicate (a = b, x is null…) rather than a bit value. T-SQL cannot
  select a predicate nor test a bit as one, so the boolean macros must write each differently; the
  text is all they have, hence this test on its operators and keywords.
-#}
{% macro fabric__is_predicate(expression) -%}
{%- set text = ' ' ~ (expression | string | lower) ~ ' ' -%}
{%- set found = namespace(value=false) -%}
{%- for marker in ['=', '<', '>', ' is ', ' in ', ' in(', ' like ', ' between ', 'exists', ' not ', ' and ', ' or '] -%}
{%- if marker in text -%}{%- set found.value = true -%}{%- endif -%}
{%- endfor -%}
{{ return(found.value) }}
{%- endmacro %}

{#- 'true' / 'false' as PostgreSQL prints booleans, from a bit or a predicate. -#}
{% macro fabric__cast_bool_to_text(field) -%}
{%- if dbt.fabric__is_predicate(field) -%}
case when {{ field }} then 'true' when not ({{ field }}) then 'false' end
{%- else -%}
case cast({{ field }} as bit) when 1 then 'true' when 0 then 'false' end
{%- endif -%}
{%- endmacro %}
