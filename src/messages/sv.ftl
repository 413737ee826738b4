# goalsites meddelanden på svenska. Samma id och samma platshållare
# ({ $namn }) som i en.ftl. Skrivna för redaktörer: vad som är fel, var, och
# vad som ska stå i stället. Nycklar och värden som citeras ur en fil står
# som de är skrivna.

## Hur problem visas

severity-error = fel
severity-warning = varning
hint-label = tips
summary = { $errors } fel, { $warnings ->
        [one] 1 varning
       *[other] { $warnings } varningar
    } i { $files ->
        [one] 1 fil
       *[other] { $files } filer
    }
more-like-this = … och { $count } till av samma slag i den här filen
more-like-this-hint = rätta dem på samma sätt som de ovan
year-not-sensible = { $year } är inte ett rimligt år
