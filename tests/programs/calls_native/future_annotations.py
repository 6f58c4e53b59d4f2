# `from __future__ import annotations` (PEP 563): annotations kept as their source text, in
# module, class and function namespaces; the __future__ module's records at run time.
from __future__ import annotations

import __future__

limit: int = 3
names: list[str]


class Node:
    value: int
    children: list[Node]

    def add(self, child: Node, *, where: int | None = None) -> Node:
        return self


def walk(root: Node, depth: int = 0, *rest: tuple[int, ...], **opts: dict[str, Node]) -> list[Node]:
    return []


print(__annotations__)
print(Node.__annotations__)
print(Node.add.__annotations__)
print(walk.__annotations__)
print(annotations, annotations is __future__.annotations)
print(__future__.all_feature_names[-2:], hex(__future__.CO_FUTURE_ANNOTATIONS))
print(__future__.generator_stop.getOptionalRelease(), __future__.annotations.getMandatoryRelease())
print(__future__.division)
