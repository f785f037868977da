from shop.tools.registry import call_tool

__all__ = ["call_tool"]
