"""The one boundary every input crosses before the program uses it.

Everything that enters from outside is checked here, against the bounds in ``game.limits``,
and refused with ``Refused``: each problem as ``file:line:col: path: message`` on one line
(exit 2 on the command line, a message in the window), never a traceback, never the content
of a file that is not what it should be.

- ``files``: a path names a regular file within its size limit (links followed, loops, links
  to nothing, folders, devices, pipes and sockets refused before a byte is read), or a folder.
- ``jsondoc``: JSON results, records, saves and settings: strict UTF-8 and JSON, no
  ``NaN``/``Infinity``, whole numbers within 64 bits, nesting within ``MAX_DEPTH``, every
  problem located in the text.
- ``documents``: the models of those documents, and what their fields say against each other
  and against the scenario a game is replayed in (a full chain of state hashes).
- ``values``: what every parsed value must be: real Unicode, finite, within 64 bits, shallow.
- ``args``: the command line's numbers (one range for seeds, runs, run indices, jobs...).
- ``messages``: refusals in the input's own terms, echoing no more than a short excerpt.

Scenario and exercise files are read through ``files`` and ``values`` by
``game.scenario.loader``, whose models (``game.scenario.models``) bound every number a
scenario holds. ``tests/test_boundary.py`` lists the entry points and checks that each one
takes its input only through here.
"""
