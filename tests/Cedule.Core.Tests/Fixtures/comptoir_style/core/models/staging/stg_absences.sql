select * from {{ ref('i_absences') }}
